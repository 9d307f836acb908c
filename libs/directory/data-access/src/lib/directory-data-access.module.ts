import { Module } from '@nestjs/common';
import { ApiClientService } from './services/api-client.service';
import { AuditLogService } from './services/audit-log.service';
import { CredentialService } from './services/credential.service';
import { DepartmentService } from './services/department.service';
import { HouseholdService } from './services/household.service';
import { DistrictService } from './services/district.service';
import { MergeService } from './services/merge.service';
import { PersonService } from './services/person.service';
import { RelationshipService } from './services/relationship.service';
import { SchoolService } from './services/school.service';
import { SignInAuditService } from './services/sign-in-audit.service';
import { SignInThrottleService } from './services/sign-in-throttle.service';
import { SigningKeyService } from './services/signing-key.service';
import { SmsConsentService } from './services/sms-consent.service';
import { StaffRoleService } from './services/staff-role.service';
import { TranslatorLanguageService } from './services/translator-language.service';
import { TeamService } from './services/team.service';

const SERVICES = [
  ApiClientService,
  AuditLogService,
  CredentialService,
  DepartmentService,
  HouseholdService,
  SigningKeyService,
  DistrictService,
  MergeService,
  PersonService,
  RelationshipService,
  SchoolService,
  SignInAuditService,
  SignInThrottleService,
  SmsConsentService,
  StaffRoleService,
  TeamService,
  TranslatorLanguageService,
];

/** The directory's application services; expects the app to provide TypeORM and messaging. */
@Module({ providers: SERVICES, exports: SERVICES })
export class DirectoryDataAccessModule {}
