// The bot's entry point (`npm start`, and the Docker image's CMD); the bot itself is adapters/bot.ts.
//
// A stop signal is handled before anything else loads. Node is PID 1 in Docker, and PID 1 ignores a signal it has
// no handler for: a SIGTERM in the half second the bot's modules take to load was lost, and `docker stop` killed the
// bot 10 s later. Until the bot installs its own handlers (its graceful shutdown), a stop signal ends the process at
// once: nothing has started that needs finishing.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (process.listenerCount(signal) === 1) process.exit(0);
  });
}

await import('./bot.js');
