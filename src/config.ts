import { z } from 'zod';
import { PinpointError } from './errors.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Every environment variable Pinpoint reads; `.env.example` documents each one. */
export const configSchema = z.object({
  KNOWLEDGE_DIR: z.string().trim().min(1).default('./knowledge'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_PUBLIC_KEY: optionalText,
  DISCORD_API_BASE: z.url().default('https://discord.com/api'),
  DISCORD_GUILD_ID: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment once at start-up; a bad value stops start-up naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new PinpointError('CONFIG_INVALID', `pinpoint: invalid settings\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}
