export * from './lib/staff-bar.component';
export * from './lib/keyboard-shortcuts';
