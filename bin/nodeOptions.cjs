// How `thongbao check` and `thongbao baseline` are started (bin/thongbao.cjs runs them in a child process so; the bench too).
// --single-threaded-gc: V8's collector stays on the thread it serves; with its helper threads, two workers on two cores were
// slower than one thread, without them one worker per core pays (docs/performance.md, "Archives").
// --max-semi-space-size, --max-old-space-size: a small young generation and a cap keep the main thread, which holds an
// archive's index, near what it uses: V8 lets a heap grow by a factor it derives from the cap before
// marking it (1.8 here, as for the workers; 4 uncapped).
// --max-inlined-bytecode-size-cumulative=150 (V8's default 920): each thread optimises the same functions again, and
// TurboFan's threads took 4.6-5.2 s of CPU on 1,000 notices (--jobs 2), time the workers' cores lose; inlining less
// cut that to 3.2-3.6 s with no slower analysis: 1,000 notices 15.6-18.2 -> 14.2-14.7 s, one thread 21.7-25.8 ->
// 22.2-24.4 s, 10,000 notices 127 -> 119 s (docs/performance.md, "Archives").
const options = ['--single-threaded-gc', '--max-semi-space-size=2', '--max-old-space-size=1536', '--max-inlined-bytecode-size-cumulative=150'];
// MALLOC_ARENA_MAX: glibc's malloc gives each thread that allocates its own arenas (up to 8 a core), and what the
// workers free stays spread over them: two arenas hold 1,000 notices in ~30 MB less at the same speed. Other C
// libraries ignore it; a value the user set wins.
const environment = { MALLOC_ARENA_MAX: '2' };
module.exports = { options, environment };
