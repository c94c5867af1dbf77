import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { adminRoleOf, type AdminRole } from './admin-role';

class WhoAmIResponseDto {
  @ApiProperty({
    enum: ['admin', 'readonly'],
    description: '`admin`: ADMIN_TOKEN, may write; `readonly`: ADMIN_READONLY_TOKEN, GET only.',
  })
  role!: AdminRole;
}

/** The presented token's role, so a client (the dashboard) can hide write controls from the start. */
@ApiTags('auth')
@Controller('admin')
export class WhoAmIController {
  @Get('whoami')
  @ApiOperation({ summary: "The presented admin token's role" })
  @ApiResponse({ status: 200, type: WhoAmIResponseDto })
  @ApiResponse({ status: 401, description: 'Missing or wrong admin token.' })
  whoami(@Res({ passthrough: true }) response: Response): WhoAmIResponseDto {
    // The auth middleware runs first: a request reaching here always carries a role.
    return { role: adminRoleOf(response) ?? 'readonly' };
  }
}
