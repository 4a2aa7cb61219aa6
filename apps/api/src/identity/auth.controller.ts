import { Body, Controller, HttpCode, Injectable, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthService, LoginDto, Public } from '@app/identity';

/** Login attempts are counted per account *and* address, so one attacker cannot lock out everyone. */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${req.ip}|${email}`;
  }
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottleGuard)
  @ApiOkResponse({ description: '`{ accessToken, tokenType, user }`' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (no hint which)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account from this address' })
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.email, dto.password);
  }
}
