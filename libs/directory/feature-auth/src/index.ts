export * from './lib/sign-in-settings';
export * from './lib/directory-auth.module';
export * from './lib/oidc.service';
export * from './lib/mount-sign-in';
