import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import * as bcrypt from 'bcryptjs';
import { authConfig } from '@app/config';

/**
 * bcrypt (pure JS, so no native binary to fetch). Cost 12 by default; tests lower it through
 * PASSWORD_HASH_ROUNDS to stay fast.
 */
@Injectable()
export class PasswordHasher {
  /** Compared against when the account does not exist, so both paths take the same time. */
  private readonly decoy: Promise<string>;

  constructor(@Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>) {
    this.decoy = bcrypt.hash('decoy-password-for-timing', auth.passwordHashRounds);
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.auth.passwordHashRounds);
  }

  async verify(password: string, hash: string | null): Promise<boolean> {
    const ok = await bcrypt.compare(password, hash ?? (await this.decoy));
    return hash !== null && ok;
  }
}
