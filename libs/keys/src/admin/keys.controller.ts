import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  KeyBodyDto,
  KeyListResponseDto,
  KeyResponseDto,
  KeyWithSecretResponseDto,
  RotateKeyBodyDto,
} from './key.dto';
import { KeysAdminService, type KeyList, type KeyView, type KeyWithSecret } from './keys-admin.service';

@ApiTags('keys')
@ApiResponse({ status: 400, description: 'Invalid input: error.details lists every invalid field.' })
@ApiResponse({ status: 401, description: 'Missing or wrong admin token.' })
@Controller('admin/keys')
export class KeysController {
  constructor(@Inject(KeysAdminService) private readonly keys: KeysAdminService) {}

  @Get()
  @ApiOperation({ summary: 'List consumer keys (paginated, by name; never the key itself)' })
  @ApiResponse({ status: 200, type: KeyListResponseDto })
  list(@Query() query: Record<string, unknown>): Promise<KeyList> {
    return this.keys.list(query);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: KeyResponseDto })
  @ApiResponse({ status: 404, description: 'Unknown id.' })
  get(@Param('id') id: string): Promise<KeyView> {
    return this.keys.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a consumer key; the response holds the key, this once only' })
  @ApiBody({ type: KeyBodyDto })
  @ApiResponse({ status: 201, type: KeyWithSecretResponseDto })
  @ApiResponse({ status: 409, description: 'Name taken.' })
  create(@Body() body: unknown): Promise<KeyWithSecret> {
    return this.keys.create(body);
  }

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change some fields of a key (null resets a limit, models or expiry)' })
  @ApiBody({ type: KeyBodyDto, description: 'Any subset of the key fields.' })
  @ApiResponse({ status: 200, type: KeyResponseDto })
  @ApiResponse({ status: 404, description: 'Unknown id.' })
  @ApiResponse({ status: 409, description: 'Name taken.' })
  patch(@Param('id') id: string, @Body() body: unknown): Promise<KeyView> {
    return this.keys.patch(id, body);
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'New key for the same id (limits and budget kept); the old one works for grace_seconds',
  })
  @ApiBody({ type: RotateKeyBodyDto, required: false })
  @ApiResponse({ status: 200, type: KeyWithSecretResponseDto })
  @ApiResponse({ status: 404, description: 'Unknown id.' })
  rotate(@Param('id') id: string, @Body() body: unknown): Promise<KeyWithSecret> {
    return this.keys.rotate(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key at once (on every replica within 2 s)' })
  @ApiResponse({ status: 204, description: 'Revoked.' })
  @ApiResponse({ status: 404, description: 'Unknown id.' })
  delete(@Param('id') id: string): Promise<void> {
    return this.keys.delete(id);
  }
}
