import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import type { CaseAttachmentsOptions, LlmSettings } from '@homeroom/cases/data-access';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import type { CasesConfig } from './config';

/** Rules across variables: production names its link secret (and a filesystem storage's directory); a model needs a name. */
export function crossCheckCasesConfig(config: CasesConfig, context: z.RefinementCtx<CasesConfig>): void {
  const required = (variable: keyof CasesConfig, message: string) =>
    context.addIssue({ code: 'custom', path: [variable], message });
  if (config.NODE_ENV === 'production') {
    if (!config.ATTACHMENT_URL_SECRET) required('ATTACHMENT_URL_SECRET', 'is required in production');
    if (config.ATTACHMENT_STORAGE === 'filesystem' && !config.ATTACHMENT_STORAGE_DIR)
      required('ATTACHMENT_STORAGE_DIR', 'is required in production when ATTACHMENT_STORAGE is filesystem');
  }
  if (config.ATTACHMENT_MAX_TOTAL_BYTES < config.ATTACHMENT_MAX_BYTES)
    required('ATTACHMENT_MAX_TOTAL_BYTES', 'must be at least ATTACHMENT_MAX_BYTES');
  if (config.LLM_BASE_URL && !config.LLM_MODEL) required('LLM_MODEL', 'is required when LLM_BASE_URL is set');
}

/**
 * Attachments as configured (ADR 20): in the database, reading through the directory for files an earlier
 * filesystem install wrote, or under that directory. The directory is ATTACHMENT_STORAGE_DIR; outside
 * production, unset, the workspace's git-ignored `tmp/attachments` (where development kept files before).
 * An unset link secret is made up at start outside production (links then die with the process).
 */
export function attachmentOptions(config: CasesConfig): CaseAttachmentsOptions {
  const directory =
    config.ATTACHMENT_STORAGE_DIR ??
    (config.NODE_ENV === 'production' ? undefined : join(workspaceRoot(), 'tmp', 'attachments'));
  return {
    storage:
      config.ATTACHMENT_STORAGE === 'database' || !directory
        ? { kind: 'database', previousDirectory: directory }
        : { kind: 'filesystem', directory },
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
