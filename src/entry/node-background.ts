/** Background work of the Node process: a round every so many seconds, and at once when woken. */

/**
 * Runs `round` every `seconds`, and when woken (at once, or `wakeDelayMs` later, so that a burst of wakes runs one
 * round); never two rounds at a time, and a wake during one runs another. A round that answers `true` has work left
 * and runs again at once (after the requests waiting meanwhile).
 */
export function startBackgroundLoop(name: string, round: () => Promise<unknown>, seconds: number, wakeDelayMs = 0) {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const more = await round().catch((error) => console.error(`${name}:`, error));
        if (more === true) {
          again = true;
          // A pause between rounds: the requests that waited meanwhile go first, and then some more.
          await new Promise((resolve) => setTimeout(resolve, 50).unref());
        }
      } while (again);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, seconds * 1000);
  timer.unref();
  void run();
  let waking = false;
  const wake = () => {
    if (wakeDelayMs === 0) return void run();
    if (waking) return;
    waking = true;
    setTimeout(() => {
      waking = false;
      void run();
    }, wakeDelayMs).unref();
  };
  return { wake, stop: () => clearInterval(timer) };
}
