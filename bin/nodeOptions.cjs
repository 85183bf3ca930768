// The Node options `thongbao check` and `thongbao baseline` run with (bin/thongbao.cjs starts them so; the bench too).
// --single-threaded-gc: V8's collector stays on the thread it serves; with its helper threads, two workers on two cores were
// slower than one thread, without them one worker per core pays (docs/performance.md, "Archives").
// --max-semi-space-size, --max-old-space-size: a small young generation and a cap keep the main thread, which holds an
// archive's index (2.2 KB a notice), near what it uses: V8 lets a heap grow by a factor it derives from the cap before
// marking it (1.8 here, as for the workers; 4 uncapped).
module.exports = ['--single-threaded-gc', '--max-semi-space-size=2', '--max-old-space-size=1536'];
