import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { enumFrom } from '@homeroom/platform/graphql';
import { OneRosterImportReport } from './oneroster.types';

export const RosterImportStatusEnum = enumFrom([
  'UPLOADING',
  'QUEUED',
  'RUNNING',
  'AWAITING_CONFIRMATION',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
] as const);
registerEnumType(RosterImportStatusEnum, {
  name: 'RosterImportStatus',
  description:
    'UPLOADING (files being sent) → QUEUED → RUNNING → AWAITING_CONFIRMATION (the dry run is done: read dryRunReport, then confirm) → QUEUED → RUNNING → SUCCEEDED; or FAILED (error says why; nothing was changed) or CANCELLED.',
});

@ObjectType()
export class RosterImportProgress {
  @Field({ description: 'reading, planning (comparing with the directory), writing or publishing' })
  phase!: string;

  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType()
export class RosterImportError {
  @Field()
  code!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  message!: string;
}

@ObjectType()
export class RosterImportFile {
  @Field()
  name!: string;

  @Field(() => Int)
  bytes!: number;
}

@ObjectType({
  description: 'A OneRoster import (an uploaded set) or a sync from the SIS REST API, run in the background.',
})
export class RosterImportJob {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'UPLOAD or SIS_API' })
  source!: string;

  @Field(() => RosterImportStatusEnum)
  status!: string;

  @Field({ description: 'DRY_RUN (computing the preview) or APPLY (writing it)' })
  step!: string;

  @Field()
  allowMassDeactivation!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => RosterImportProgress, { nullable: true })
  progress!: RosterImportProgress | null;

  @Field(() => OneRosterImportReport, { nullable: true, description: 'What the set would change.' })
  dryRunReport!: OneRosterImportReport | null;

  @Field(() => OneRosterImportReport, { nullable: true, description: 'What applying it changed.' })
  report!: OneRosterImportReport | null;

  @Field(() => RosterImportError, { nullable: true })
  error!: RosterImportError | null;

  @Field(() => [RosterImportFile])
  files!: RosterImportFile[];
}
