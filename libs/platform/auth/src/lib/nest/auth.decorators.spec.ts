import 'reflect-metadata';
import { Allow, ROLES_KEY, SCOPES_KEY } from './auth.decorators';

describe('Allow', () => {
  it("sets a field's roles and scopes together, as @Roles and @Scopes do", () => {
    class Resolver {
      @Allow({ roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], scopes: ['directory:write'] })
      field(): void {}
    }
    const field = Object.getOwnPropertyDescriptor(Resolver.prototype, 'field')!.value as object;
    expect(Reflect.getMetadata(ROLES_KEY, field)).toEqual(['DISTRICT_ADMIN', 'SCHOOL_ADMIN']);
    expect(Reflect.getMetadata(SCOPES_KEY, field)).toEqual(['directory:write']);
  });
});
