"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.assertEnvironment = assertEnvironment;
const environment_1 = require("./environment");
function assertEnvironment(processName) {
    try {
        (0, environment_1.validateEnvironment)(process.env);
    }
    catch (err) {
        if (err instanceof environment_1.ConfigurationError) {
            process.stderr.write(`[${processName}] ${err.message}\n`);
            process.exit(78);
        }
        throw err;
    }
}
//# sourceMappingURL=assert-environment.js.map