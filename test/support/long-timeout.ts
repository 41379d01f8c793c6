// Integration and e2e tests talk to real services and wait for durable timers; unit tests keep Jest's default.
jest.setTimeout(180_000);
