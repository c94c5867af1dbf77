import 'reflect-metadata';
import { runMain } from '../../switchboard/src/run-process';
import { startAdmin } from './admin.bootstrap';

runMain('Admin', async (core) => [await startAdmin(core)]);
