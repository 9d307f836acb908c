import { type DynamicModule, Module } from '@nestjs/common';
import { CaseAssistService } from './case-assist.service';
import { LLM_SETTINGS, LlmProvider, type LlmSettings } from './llm-provider';

/** The optional language-model assist; off (every call FEATURE_DISABLED) while `baseUrl` is empty. */
@Module({})
export class CaseAssistModule {
  static forRoot(settings: LlmSettings): DynamicModule {
    return {
      module: CaseAssistModule,
      global: true,
      providers: [{ provide: LLM_SETTINGS, useValue: settings }, LlmProvider, CaseAssistService],
      exports: [LlmProvider, CaseAssistService],
    };
  }
}
