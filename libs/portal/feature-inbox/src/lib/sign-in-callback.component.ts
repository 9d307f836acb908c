import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { Router } from '@angular/router';
import { SessionService } from '@homeroom/portal/data-access';

/** Where the issuer sends staff back after sign-in: exchanges the code, then goes where they were going. */
@Component({
  selector: 'hr-sign-in-callback',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="centered">
      @if (error(); as error) {
        <p role="alert">{{ error }}</p>
        <button type="button" (click)="session.signIn('/inbox')">Sign in again</button>
      } @else {
        <p aria-live="polite">Signing you in…</p>
      }
    </main>
  `,
})
export class SignInCallbackComponent implements OnInit {
  protected readonly session = inject(SessionService);
  private readonly router = inject(Router);
  protected readonly error = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      await this.router.navigateByUrl(await this.session.completeSignIn(new URL(location.href)), {
        replaceUrl: true,
      });
    } catch (error) {
      this.error.set(error instanceof Error ? error.message : String(error));
    }
  }
}
