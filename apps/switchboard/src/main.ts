import 'reflect-metadata';
import { runMain } from './run-process';
import { startBothApps } from './switchboard.bootstrap';

runMain('Switchboard', startBothApps);
