import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorResponse } from '../errors/error-mapping';
import { requestLanguage } from '../i18n/request-language';

/** Global HTTP filter: every error leaves as `{ statusCode, code, message }`, in the request's language. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request | undefined>();
    const { status, body } = toErrorResponse(exception, requestLanguage(req?.headers));
    if (res.headersSent) return;
    res.status(status).json({ statusCode: status, ...body });
  }
}
