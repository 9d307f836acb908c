import { provideHttpClient, withFetch } from '@angular/common/http';
import { provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { PORTAL_CONFIG, provideHomeroomApollo, type PortalConfig } from '@homeroom/portal/data-access';
import { APP_ROUTES } from './app.routes';

export function appConfig(config: PortalConfig): ApplicationConfig {
  return {
    providers: [
      provideZonelessChangeDetection(),
      provideRouter(APP_ROUTES, withComponentInputBinding()),
      provideHttpClient(withFetch()),
      { provide: PORTAL_CONFIG, useValue: config },
      provideHomeroomApollo(),
    ],
  };
}
