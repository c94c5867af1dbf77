import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RouteBodyDto } from '../validation/dto/route-body.dto';
import { ListRoutesQueryDto } from '../validation/dto/list-routes-query.dto';
import { RouteListResponseDto, RouteResponseDto } from './route-response.dto';
import type { RouteView } from './route-view';
import { RoutesAdminService, type RouteList } from './routes-admin.service';

@ApiTags('routes')
@ApiResponse({ status: 400, description: 'Invalid input: error.details lists every invalid field.' })
@ApiResponse({ status: 401, description: 'Missing or wrong admin token.' })
@Controller('admin/routes')
export class RoutesController {
  constructor(private readonly routes: RoutesAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'List routes (paginated; model= keeps routes whose models match it, exact or glob)',
  })
  @ApiResponse({ status: 200, type: RouteListResponseDto })
  list(@Query() query: ListRoutesQueryDto): Promise<RouteList> {
    return this.routes.list(query as Record<string, unknown>);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: RouteResponseDto })
  @ApiResponse({ status: 404, description: 'Unknown id.' })
  get(@Param('id') id: string): Promise<RouteView> {
    return this.routes.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a route (server-assigned UUID id when none is given)' })
  @ApiBody({ type: RouteBodyDto })
  @ApiResponse({ status: 201, type: RouteResponseDto })
  @ApiResponse({
    status: 409,
    description: 'Id or name taken, or an exact model served by another enabled route.',
  })
  create(@Body() body: unknown): Promise<RouteView> {
    return this.routes.create(body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Create (201) or replace (200) a route; read-only fields from a GET are ignored' })
  @ApiBody({ type: RouteBodyDto })
  @ApiResponse({ status: 200, type: RouteResponseDto })
  @ApiResponse({ status: 201, type: RouteResponseDto })
  async put(
    @Param('id') id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RouteView> {
    const { created, route } = await this.routes.put(id, body);
    response.status(created ? 201 : 200);
    return route;
  }

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge into a route: objects merge, arrays (instances too) replace, null resets' })
  @ApiBody({ type: RouteBodyDto, description: 'Any subset of the route fields.' })
  @ApiResponse({ status: 200, type: RouteResponseDto })
  patch(@Param('id') id: string, @Body() body: unknown): Promise<RouteView> {
    return this.routes.patch(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Deleted.' })
  @ApiResponse({ status: 404, description: 'Unknown id.' })
  delete(@Param('id') id: string): Promise<void> {
    return this.routes.delete(id);
  }
}
