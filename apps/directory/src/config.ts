import { z } from 'zod';
import { loadConfig, port, serviceConfigShape, type Environment } from '@homeroom/platform/config';

export const directoryConfigSchema = z.object({
  ...serviceConfigShape,
  PORT: port(4001),
});

export type DirectoryConfig = z.infer<typeof directoryConfigSchema>;

export function loadDirectoryConfig(environment?: Environment): DirectoryConfig {
  return loadConfig('directory', directoryConfigSchema, environment);
}
