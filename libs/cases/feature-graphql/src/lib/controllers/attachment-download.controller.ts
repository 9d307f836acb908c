import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import {
  ArticleFileService,
  AttachmentBlobMissingError,
  AttachmentService,
  AttachmentUrlSigner,
  INLINE_IMAGE_TYPES,
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
 *
 * `GET /attachments/articles/:id/:name`: a knowledge-base article's file. Anyone may read it once it is
 * published with a live article; before, only by a link `ArticleFile.url` signed for staff who may edit
 * the article. Images are shown in the page (inline), other files downloaded.
 */
@Controller('attachments')
export class AttachmentDownloadController {
  constructor(
    private readonly attachments: AttachmentService,
    private readonly articleFiles: ArticleFileService,
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
    await this.send(response, attachment, () => this.attachments.open(attachment), 'attachment');
  }

  @Public()
  @Get('articles/:id/:name')
  async articleFile(
    @Param('id') id: string,
    @Query('expires') expires: unknown,
    @Query('signature') signature: unknown,
    @Res() response: Response,
  ): Promise<void> {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const signed = expires !== undefined || signature !== undefined;
    if (signed && this.signer.checkArticleFile(id, expires, signature) !== 'valid') {
      response.setHeader('Cache-Control', 'private, no-store');
      response.status(403).json({ error: 'Invalid or expired link' });
      return;
    }
    const file = !UUID.test(id)
      ? null
      : signed
        ? await this.articleFiles.find(id)
        : await this.articleFiles.findPublic(id);
    // A draft's file and an archived article's are as unknown to the public as a made-up id.
    response.setHeader('Cache-Control', signed || !file ? 'private, no-store' : 'public, max-age=300');
    if (!file) {
      response.status(404).json({ error: 'No such file' });
      return;
    }
    const disposition = INLINE_IMAGE_TYPES.has(file.contentType) ? 'inline' : 'attachment';
    await this.send(response, file, () => this.articleFiles.open(file), disposition);
  }

  private async send(
    response: Response,
    file: { id: string; contentType: string; sizeBytes: number; fileName: string },
    open: () => Promise<Readable>,
    disposition: 'inline' | 'attachment',
  ): Promise<void> {
    let content;
    try {
      content = await open();
    } catch (error) {
      if (!(error instanceof AttachmentBlobMissingError)) throw error;
      this.logger.error({ fileId: file.id }, 'file row without its content');
      response.status(404).json({ error: 'No such file' });
      return;
    }
    response.status(200);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Length', String(file.sizeBytes));
    response.setHeader('Content-Disposition', contentDisposition(disposition, file.fileName));
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    await pipeline(content, response).catch((error: unknown) => {
      // The client went away, or the read failed mid-way: the response is already cut off.
      this.logger.warn({ err: error, fileId: file.id }, 'file download interrupted');
    });
  }
}

/** RFC 6266: an ASCII fallback, and the real name in RFC 5987 encoding. */
function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
