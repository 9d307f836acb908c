import { Inject, Injectable } from '@nestjs/common';
import { DomainException, ERROR_CODES } from '@homeroom/shared/errors';

export interface LlmSettings {
  /** `https://host/v1` of an OpenAI-compatible server; empty turns the assist off. */
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

export const LLM_SETTINGS = Symbol('LLM_SETTINGS');

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionOptions {
  temperature?: number;
  maxTokens?: number;
}

/** The assist is not configured (`LLM_BASE_URL` is empty): `FEATURE_DISABLED`, reason `LLM_ASSIST_DISABLED`. */
export class LlmDisabledException extends DomainException {
  constructor() {
    super(ERROR_CODES.FEATURE_DISABLED, 'The writing assistant is not turned on', 'LLM_ASSIST_DISABLED');
  }
}

export type LlmFailure = 'LLM_TIMEOUT' | 'LLM_UNREACHABLE' | 'LLM_HTTP_ERROR' | 'LLM_MALFORMED_RESPONSE';

/**
 * The language model failed: `UPSTREAM_UNAVAILABLE` with a reason saying how. The message is ours; the
 * upstream's body is never passed on (it may echo the prompt or leak the provider's internals).
 */
export class LlmException extends DomainException {
  constructor(
    readonly failure: LlmFailure,
    message: string,
    readonly status?: number,
  ) {
    super(ERROR_CODES.UPSTREAM_UNAVAILABLE, message, failure);
  }
}

/**
 * A client of the OpenAI-compatible chat-completions API (OpenAI, Azure OpenAI's compatible endpoint,
 * vLLM, llama.cpp, Ollama, …): `POST {baseUrl}/chat/completions` with `{model, messages, temperature,
 * max_tokens}` and a bearer key; the answer is `choices[0].message.content`. One deadline covers the
 * whole exchange, body included.
 */
@Injectable()
export class LlmProvider {
  constructor(@Inject(LLM_SETTINGS) private readonly settings: LlmSettings) {}

  get enabled(): boolean {
    return Boolean(this.settings.baseUrl);
  }

  async complete(messages: readonly ChatMessage[], options: CompletionOptions = {}): Promise<string> {
    if (!this.enabled) throw new LlmDisabledException();
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.settings.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.settings.model,
          messages,
          temperature: options.temperature ?? 0.2,
          max_tokens: options.maxTokens ?? 600,
        }),
        // Never follow a redirect with the key: a misconfigured or hostile endpoint gets nothing more.
        redirect: 'error',
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) {
        throw new LlmException(
          'LLM_TIMEOUT',
          `The writing assistant did not answer within ${this.settings.timeoutMs} ms`,
        );
      }
      throw new LlmException(
        'LLM_UNREACHABLE',
        `The writing assistant could not be reached (${errorName(error)})`,
      );
    }
    if (!response.ok) {
      throw new LlmException(
        'LLM_HTTP_ERROR',
        `The writing assistant answered HTTP ${response.status}`,
        response.status,
      );
    }
    let content: unknown;
    try {
      const json = JSON.parse(text) as { choices?: { message?: { content?: unknown } }[] };
      content = json.choices?.[0]?.message?.content;
    } catch {
      throw new LlmException(
        'LLM_MALFORMED_RESPONSE',
        'The writing assistant answered with something other than JSON',
      );
    }
    if (typeof content !== 'string' || !content.trim()) {
      throw new LlmException('LLM_MALFORMED_RESPONSE', 'The writing assistant answered without a completion');
    }
    return content.trim();
  }
}

function errorName(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof cause === 'string' ? cause : error instanceof Error ? error.name : 'unknown error';
}
