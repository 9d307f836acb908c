import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MAX_ATTACHMENT_BASE64_LENGTH } from '@homeroom/cases/domain';
import { MaxLength } from '@homeroom/platform/graphql';

/** What every stored file shows of itself: a message's attachment, an article's file. */
@ObjectType({ isAbstract: true })
export abstract class StoredFile {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Sanitised: no path, no control characters.' })
  fileName!: string;

  @Field({ description: 'The type it was accepted and is served as, decided from its name and content.' })
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;
}

@ObjectType({ description: 'A file that came with a message.' })
export class Attachment extends StoredFile {
  @Field({
    description:
      'A signed link that downloads the file; it works for a few minutes and needs no sign-in, so do not share it.',
  })
  downloadUrl!: string;
}

@InputType({
  description:
    'A file sent inline as base64 (at most ATTACHMENT_MAX_BYTES decoded). Allowed: PDF, PNG, JPEG, GIF, WebP, HEIC, plain text, CSV, Word, Excel and RTF.',
})
export class AttachmentInput {
  @Field()
  fileName!: string;

  @Field({ description: 'What the sender says it is; the name and the content decide what it is stored as.' })
  contentType!: string;

  @Field({ description: 'The file, standard base64 (RFC 4648 §4) with padding.' })
  @MaxLength(MAX_ATTACHMENT_BASE64_LENGTH)
  contentBase64!: string;
}
