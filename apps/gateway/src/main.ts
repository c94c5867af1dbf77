import 'reflect-metadata';
import { runMain } from '../../switchboard/src/run-process';
import { startGateway } from './gateway.bootstrap';

runMain('Gateway', async (core) => [await startGateway(core)]);
