import { type DynamicModule, Module } from '@nestjs/common';
import { DirectoryDataAccessModule } from '@homeroom/directory/data-access';
import { OidcService } from './oidc.service';
import { SignInAdminResolver } from './sign-in-admin.resolver';
import { SignInAttempts } from './sign-in-attempts';
import { StaffPrincipalController } from './staff-principal.controller';
import { SIGN_IN_SETTINGS, type SignInSettings } from './sign-in-settings';

/** The directory as the district's OpenID issuer. Mount its routes with `mountSignIn(app)`. */
@Module({})
export class DirectoryAuthModule {
  static forRoot(settings: SignInSettings): DynamicModule {
    return {
      module: DirectoryAuthModule,
      imports: [DirectoryDataAccessModule],
      controllers: [StaffPrincipalController],
      providers: [
        { provide: SIGN_IN_SETTINGS, useValue: settings },
        OidcService,
        SignInAttempts,
        SignInAdminResolver,
      ],
      exports: [OidcService],
    };
  }
}
