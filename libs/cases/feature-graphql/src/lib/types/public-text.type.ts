import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    "The district's correction of one string of the public pages, in one language: shown to families instead of the shipped words.",
})
export class PublicTextCorrection {
  @Field({ description: 'One of the public pages’ languages: en, es, vi, zh, ar, so, ht.' })
  language!: string;

  @Field({ description: 'The string’s key (contactTitle, attachHint…).' })
  key!: string;

  @Field()
  text!: string;

  @Field()
  updatedAt!: Date;
}
