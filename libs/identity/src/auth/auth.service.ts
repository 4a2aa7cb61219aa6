import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthorizedError } from '@app/common';
import { toUserView, UsersService, type UserView } from '../users/users.service';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
  ) {}

  /** Same answer, and about the same time, whether the email or the password was wrong. */
  async login(email: string, password: string): Promise<{ accessToken: string; tokenType: 'Bearer'; user: UserView }> {
    const user = await this.users.findByEmailWithHash(email);
    const ok = await this.hasher.verify(password, user?.active ? user.passwordHash : null);
    if (!user || !ok) throw new UnauthorizedError('Invalid email or password');
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, org: user.organisationId });
    return { accessToken, tokenType: 'Bearer', user: toUserView(user) };
  }
}
