import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import type { CaseAttachmentsOptions, LlmSettings } from '@homeroom/cases/data-access';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import type { CasesConfig } from './config';

/** Rules across variables: production names its attachment directory and link secret; a model needs a name. */
export function crossCheckCasesConfig(config: CasesConfig, context: z.RefinementCtx<CasesConfig>): void {
  const required = (variable: keyof CasesConfig, message: string) =>
    context.addIssue({ code: 'custom', path: [variable], message });
  if (config.NODE_ENV === 'production') {
    if (!config.ATTACHMENT_URL_SECRET) required('ATTACHMENT_URL_SECRET', 'is required in production');
    if (!config.ATTACHMENT_STORAGE_DIR) required('ATTACHMENT_STORAGE_DIR', 'is required in production');
  }
  if (config.ATTACHMENT_MAX_TOTAL_BYTES < config.ATTACHMENT_MAX_BYTES)
    required('ATTACHMENT_MAX_TOTAL_BYTES', 'must be at least ATTACHMENT_MAX_BYTES');
  if (config.LLM_BASE_URL && !config.LLM_MODEL) required('LLM_MODEL', 'is required when LLM_BASE_URL is set');
}

/**
 * Attachments as configured. Outside production an unset directory is the workspace's git-ignored
 * `tmp/attachments`, and an unset link secret is made up at start (links then die with the process).
 */
export function attachmentOptions(config: CasesConfig): CaseAttachmentsOptions {
  return {
    directory: config.ATTACHMENT_STORAGE_DIR ?? join(workspaceRoot(), 'tmp', 'attachments'),
    policy: { maxBytes: config.ATTACHMENT_MAX_BYTES, maxTotalBytes: config.ATTACHMENT_MAX_TOTAL_BYTES },
    urlSecret: config.ATTACHMENT_URL_SECRET ?? randomBytes(32).toString('base64url'),
    downloadBaseUrl: config.ATTACHMENT_DOWNLOAD_BASE_URL ?? '',
  };
}

/** The language-model assist; off while LLM_BASE_URL is unset. */
export function llmSettings(config: CasesConfig): LlmSettings {
  return {
    baseUrl: config.LLM_BASE_URL ?? '',
    apiKey: config.LLM_API_KEY ?? '',
    model: config.LLM_MODEL ?? '',
    timeoutMs: config.LLM_TIMEOUT_MS,
  };
}

/**
 * The JSON body limit of /graphql: one message's attachments in base64 (4 bytes for every 3) and room for
 * the rest of the request. Larger bodies are refused by the parser (413) before any resolver runs.
 */
export function graphqlBodyLimit(config: CasesConfig): number {
  return Math.ceil((config.ATTACHMENT_MAX_TOTAL_BYTES * 4) / 3) + 1024 * 1024;
}
