import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { perRequest } from '@homeroom/platform/graphql';
import DataLoader from 'dataloader';
import {
  AttachmentService,
  AttachmentUrlSigner,
  type CaseAttachmentEntity,
} from '@homeroom/cases/data-access';
import { CurrentPrincipal, Public, type Principal } from '@homeroom/platform/auth';
import { Attachment } from '../types/attachment.type';
import { CaseMessage } from '../types/case.type';

/** `CaseMessage.attachments`: one query for all the messages of a request, with a signed link for each. */
@Resolver(() => CaseMessage)
export class AttachmentResolver {
  /** One query for all the messages of a request. */
  private readonly loaderOf = perRequest(
    () =>
      new DataLoader<string, CaseAttachmentEntity[]>(async (messageIds) => {
        const byMessage = await this.attachmentService.forMessages(messageIds);
        return messageIds.map((id) => byMessage.get(id) ?? []);
      }),
  );

  constructor(
    private readonly attachmentService: AttachmentService,
    private readonly signer: AttachmentUrlSigner,
  ) {}

  // Public, like CaseMessage itself: a message reaches a caller only through a field that has already
  // decided they may see it (`case` and `_entities` by visibility, `trackCase` by token and without
  // internal notes, the mutations after their own checks). The links it signs are the download's only
  // authorisation, so an internal note's files are refused here once more for anyone who is not staff.
  @Public()
  @ResolveField(() => [Attachment], { description: 'Oldest first.' })
  async attachments(
    @Parent() message: CaseMessage,
    @Context('req') request: object,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Attachment[]> {
    if (message.direction === 'INTERNAL_NOTE' && principal.kind === 'anonymous') return [];
    const rows = await this.loaderOf(request).load(message.id);
    const now = Date.now();
    return rows.map((row) => ({
      id: row.id,
      fileName: row.fileName,
      contentType: row.contentType,
      sizeBytes: row.sizeBytes,
      downloadUrl: this.signer.url(row.id, now),
    }));
  }
}
