export * from './lib/staff-bar.component';
export * from './lib/keyboard-shortcuts';
export * from './lib/form-feedback.component';
export * from './lib/confirm-panel.component';
export * from './lib/takes-focus.directive';
export * from './lib/checkbox-group.component';
export * from './lib/show-more.component';
export * from './lib/untrusted-text.component';
