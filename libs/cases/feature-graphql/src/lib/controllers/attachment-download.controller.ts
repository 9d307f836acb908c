import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  AttachmentBlobMissingError,
  AttachmentService,
  AttachmentUrlSigner,
} from '@homeroom/cases/data-access';
import { Public } from '@homeroom/platform/auth';
import { LOGGER, type Logger } from '@homeroom/platform/observability';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /attachments/:id?expires=…&signature=…`: the file, for a link `Attachment.downloadUrl` signed (which
 * it does only for callers who may see the message). The signature is the authorisation, hence @Public:
 * a wrong or expired one is 403 before the database is asked anything. The file is always a download
 * (`Content-Disposition: attachment`), with the type the policy decided and `nosniff`, under a sandboxing
 * CSP, so nothing in it can run in the API's origin.
 */
@Controller('attachments')
export class AttachmentDownloadController {
  constructor(
    private readonly attachments: AttachmentService,
    private readonly signer: AttachmentUrlSigner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Public()
  @Get(':id')
  async download(
    @Param('id') id: string,
    @Query('expires') expires: unknown,
    @Query('signature') signature: unknown,
    @Res() response: Response,
  ): Promise<void> {
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const check = this.signer.check(id, expires, signature);
    if (check !== 'valid') {
      response.status(403).json({ error: check === 'expired' ? 'The link has expired' : 'Invalid link' });
      return;
    }
    const attachment = UUID.test(id) ? await this.attachments.findById(id) : null;
    if (!attachment) {
      response.status(404).json({ error: 'No such attachment' });
      return;
    }
    let content;
    try {
      content = await this.attachments.open(attachment);
    } catch (error) {
      if (!(error instanceof AttachmentBlobMissingError)) throw error;
      this.logger.error({ attachmentId: id }, 'attachment row without its content');
      response.status(404).json({ error: 'No such attachment' });
      return;
    }
    response.status(200);
    response.setHeader('Content-Type', attachment.contentType);
    response.setHeader('Content-Length', String(attachment.sizeBytes));
    response.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    await pipeline(content, response).catch((error: unknown) => {
      // The client went away, or the read failed mid-way: the response is already cut off.
      this.logger.warn({ err: error, attachmentId: id }, 'attachment download interrupted');
    });
  }
}

/** RFC 6266: an ASCII fallback, and the real name in RFC 5987 encoding. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
