import cliProgress from 'cli-progress';

/** One progress bar per phase; in a pipe (CI, logs) it prints a line every couple of seconds instead. */
export function progressReporter(): { update(message: string, done: number, total: number): void; stop(): void } {
  let bar: cliProgress.SingleBar | null = null;
  let phase = '';
  return {
    update(message, done, total) {
      if (message !== phase) {
        bar?.stop();
        phase = message;
        bar = new cliProgress.SingleBar(
          { format: `${message.padEnd(40)} [{bar}] {percentage}% | {value}/{total}`, noTTYOutput: true, notTTYSchedule: 2000, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(total, 1), 0);
      }
      bar?.setTotal(Math.max(total, done, 1));
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
      phase = '';
    },
  };
}
