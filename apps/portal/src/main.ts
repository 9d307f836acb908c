import { bootstrapApplication } from '@angular/platform-browser';
import { loadPortalConfig } from '@homeroom/portal/data-access';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

// The platform's address comes from /config.json, so one build serves every district.
loadPortalConfig()
  .then((config) => bootstrapApplication(AppComponent, appConfig(config)))
  .catch((error: unknown) => {
    document.body.textContent = `Homeroom could not start: ${error instanceof Error ? error.message : String(error)}`;
  });
