import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ReplicasService, type ReplicaView } from './replicas.service';
import type { RequestView } from './request-view.types';
import { RequestsService, type RequestList } from './requests.service';
import { StatsService } from './stats.service';
import type { Stats, Timeseries } from './stats.types';
import {
  ReplicaListDto,
  RequestDto,
  RequestListDto,
  StatsDto,
  TimeseriesDto,
} from './telemetry-response.dto';

const TIME = { required: false, description: 'ISO 8601, e.g. 2026-12-07T10:00:00Z' };
const GROUP_BY = { name: 'group_by', required: false, enum: ['none', 'route', 'instance', 'model', 'key'] };

@ApiTags('observability')
@ApiResponse({ status: 400, description: 'Invalid query: error.details lists every invalid parameter.' })
@ApiResponse({ status: 401, description: 'Missing or wrong admin token.' })
@Controller('admin')
export class TelemetryController {
  constructor(
    @Inject(RequestsService) private readonly requests: RequestsService,
    @Inject(StatsService) private readonly stats: StatsService,
    @Inject(ReplicasService) private readonly replicas: ReplicasService,
  ) {}

  @Get('requests')
  @ApiOperation({ summary: 'The request log, newest first (paginated, filtered)' })
  @ApiQuery({ name: 'route', required: false })
  @ApiQuery({ name: 'instance', required: false })
  @ApiQuery({ name: 'model', required: false, description: 'The model the client asked for.' })
  @ApiQuery({ name: 'key', required: false, description: 'Consumer key name or id.' })
  @ApiQuery({ name: 'status', required: false, description: 'A code such as 429 or a class such as 5xx.' })
  @ApiQuery({ name: 'since', ...TIME })
  @ApiQuery({ name: 'until', ...TIME })
  @ApiQuery({ name: 'request_id', required: false })
  @ApiQuery({ name: 'page', required: false, type: Number, description: '≥ 1, default 1' })
  @ApiQuery({ name: 'page_size', required: false, type: Number, description: '1..100, default 20' })
  @ApiResponse({ status: 200, type: RequestListDto })
  listRequests(@Query() query: Record<string, unknown>): Promise<RequestList> {
    return this.requests.list(query);
  }

  @Get('requests/:request_id')
  @ApiOperation({ summary: 'One request-log entry with its attempts (the newest, if the id was reused)' })
  @ApiResponse({ status: 200, type: RequestDto })
  @ApiResponse({ status: 404, description: 'No such request in the log.' })
  getRequest(@Param('request_id') requestId: string): Promise<RequestView> {
    return this.requests.get(requestId);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Totals over since..until (default: the last hour) from the usage rollups' })
  @ApiQuery({ name: 'since', ...TIME })
  @ApiQuery({ name: 'until', ...TIME })
  @ApiQuery(GROUP_BY)
  @ApiResponse({ status: 200, type: StatsDto })
  getStats(@Query() query: Record<string, unknown>): Promise<Stats> {
    return this.stats.stats(query);
  }

  @Get('stats/timeseries')
  @ApiOperation({ summary: 'The same totals per time bucket' })
  @ApiQuery({ name: 'since', ...TIME })
  @ApiQuery({ name: 'until', ...TIME })
  @ApiQuery({ name: 'step', required: false, enum: ['1m', '5m', '1h'], description: 'Default 5m' })
  @ApiQuery(GROUP_BY)
  @ApiResponse({ status: 200, type: TimeseriesDto })
  getTimeseries(@Query() query: Record<string, unknown>): Promise<Timeseries> {
    return this.stats.timeseries(query);
  }

  @Get('replicas')
  @ApiOperation({ summary: 'Every serving process, from the heartbeat each writes; stale ones marked' })
  @ApiResponse({ status: 200, type: ReplicaListDto })
  listReplicas(): Promise<{ items: ReplicaView[] }> {
    return this.replicas.list();
  }
}
