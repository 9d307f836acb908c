import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    "A message in another language: a requester's message machine-translated into the staff's language, or the original a staff reply was written in before it was sent translated.",
})
export class MessageTranslation {
  @Field({ description: 'BCP 47 primary tag (en, vi).' })
  language!: string;

  @Field()
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The language it was translated from; null for an original.',
  })
  sourceLanguage!: string | null;

  @Field({ description: 'DEEPL, GOOGLE, AZURE or LIBRETRANSLATE.' })
  provider!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The staff member who reviewed it before it was sent, if one did.',
  })
  reviewedBy!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({
  description: "A reply machine-translated into the requester's language, for staff to read before sending.",
})
export class ReplyTranslation {
  @Field({ description: "The requester's language (the case's), BCP 47 primary tag." })
  language!: string;

  @Field()
  text!: string;

  @Field()
  provider!: string;
}
