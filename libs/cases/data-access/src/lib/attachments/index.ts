export * from './attachment-storage';
export * from './attachment-types';
export * from './attachment-url';
export * from './attachment.service';
export * from './case-attachments.module';
export * from './file-system-attachment-storage';
