// The Docker image's HEALTHCHECK: GET /readyz where the bot listens; exit 0 when ready, 1 otherwise. HOST and PORT
// are read by parseConfig, as the bot reads them, so a value the bot accepts (in quotes, as `docker run --env-file`
// passes them on) is probed at the same address. Only the settings module is loaded: this runs every 30 s.
import { parseConfig } from '../../src/config.js';

/** Where to reach the bot: HOST when it names one address, else the loopback (all interfaces include it). */
export function probeUrl(host: string | undefined, port: number): string {
  const address = host === undefined || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${address}:${port}/readyz`;
}

async function probe(): Promise<number> {
  let url: string;
  try {
    const config = parseConfig(process.env);
    url = probeUrl(config.HOST, config.PORT);
  } catch (error) {
    // The bot refused these settings too; `docker inspect` shows this line.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    return (await fetch(url)).ok ? 0 : 1;
  } catch {
    return 1;
  }
}

process.exit(await probe());
