export * from './assist-prompts';
export * from './case-assist.module';
export * from './case-assist.service';
export * from './llm-provider';
