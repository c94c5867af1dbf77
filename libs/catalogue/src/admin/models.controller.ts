import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ModelEntryBodyDto, ModelEntryResponseDto, ModelListResponseDto } from './model-entry.dto';
import { ModelsAdminService, type ModelEntryView } from './models-admin.service';

@ApiTags('models')
@ApiResponse({ status: 400, description: 'Invalid input: error.details lists every invalid field.' })
@ApiResponse({ status: 401, description: 'Missing or wrong admin token.' })
@Controller('admin/models')
export class ModelsController {
  constructor(@Inject(ModelsAdminService) private readonly models: ModelsAdminService) {}

  @Get()
  @ApiOperation({ summary: 'The effective model catalogue: shipped entries plus operator overrides' })
  @ApiResponse({ status: 200, type: ModelListResponseDto })
  list(): Promise<{ items: ModelEntryView[]; total: number }> {
    return this.models.list();
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Create (201) or replace (200) the override for a model id or pattern (URL-encode `*` as %2A)',
  })
  @ApiBody({ type: ModelEntryBodyDto })
  @ApiResponse({ status: 200, type: ModelEntryResponseDto })
  @ApiResponse({ status: 201, type: ModelEntryResponseDto })
  async put(
    @Param('id') id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ModelEntryView> {
    const { created, entry } = await this.models.put(id, body);
    response.status(created ? 201 : 200);
    return entry;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an override (the shipped entry, if any, applies again)' })
  @ApiResponse({ status: 204, description: 'Deleted.' })
  @ApiResponse({ status: 404, description: 'No override with that id.' })
  delete(@Param('id') id: string): Promise<void> {
    return this.models.delete(id);
  }
}
