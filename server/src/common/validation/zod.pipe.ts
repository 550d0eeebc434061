import { BadRequestException, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/**
 * Validates a request part (body, query, param) with its zod schema from `@visite/contracts` and hands
 * the parsed value on. Failures become a 400 VALIDATION_FAILED listing each field and its problem.
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new BadRequestException(parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`));
  }
}
