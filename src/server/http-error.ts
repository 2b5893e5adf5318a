import type { ErrorBody } from '../sync/index.ts';

/** A refusal to show the caller as is: a 4xx status and a French message, never a stack. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly rejected?: ErrorBody['rejected'],
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get body(): ErrorBody {
    return this.rejected === undefined ? { error: this.message } : { error: this.message, rejected: this.rejected };
  }
}

/** The same answer whether the thing is missing or belongs to someone else: it reveals nothing. */
export const forbidden = () => new HttpError(403, 'Accès refusé.');
