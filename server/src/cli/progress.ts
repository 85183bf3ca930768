import type { Locale } from '../core/types.js';

/** Whether a progress line may be drawn: stderr is a terminal and no CI is declared (as CI systems set CI). */
export function progressAllowed(stderrIsTty: boolean, env: NodeJS.ProcessEnv): boolean {
  return stderrIsTty && !env.CI;
}

/**
 * The progress line of a long check on stderr: files done / total, rate and
 * time left, redrawn in place at most a few times a second. It appears only
 * once the run has lasted `after` ms, so short runs print nothing of it, and
 * it is erased before the summary.
 */
export class ProgressLine {
  private done = 0;
  private readonly started: number;
  private lastDrawn = 0;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void,
    private readonly locale: Locale,
    private readonly now: () => number = () => performance.now(),
    private readonly after = 2_000,
  ) {
    this.started = now();
  }

  tick(): void {
    this.done++;
    const now = this.now();
    if (now - this.started < this.after || now - this.lastDrawn < 200) return;
    this.lastDrawn = now;
    this.shown = true;
    this.write(`\r\u001b[2K${this.line(now)}`);
  }

  /** Erases the line (before anything else is written to the terminal). */
  clear(): void {
    if (this.shown) this.write('\r\u001b[2K');
    this.shown = false;
  }

  line(now: number): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = rate > 0 ? Math.ceil((this.total - this.done) / rate) : undefined;
    const percent = this.total > 0 ? Math.floor((100 * this.done) / this.total) : 100;
    const time = left === undefined ? '?' : left >= 60 ? `${Math.floor(left / 60)} min ${left % 60} s` : `${left} s`;
    return this.locale === 'vi'
      ? `thongbao: ${this.done}/${this.total} tệp (${percent} %), ${rate.toFixed(0)} tệp/s, còn khoảng ${time}`
      : `thongbao: ${this.done}/${this.total} files (${percent}%), ${rate.toFixed(0)} files/s, about ${time} left`;
  }
}
