// The official TypeScript MCP client, with ajv in strict mode as its JSON Schema validator, against a
// shopterms MCP server: every input and output schema must compile under ajv strict, every example
// call must answer with structured content valid against its output schema (the client checks), and
// an argument the tool does not take must come back as a tool error naming the accepted parameters.
//
//   node mcp_client_check.mjs <era> <calls.json> http <url>
//   node mcp_client_check.mjs <era> <calls.json> stdio <command> [args...]
//
// era: "legacy" (the 2025 initialize handshake) or a pinned revision such as "2026-07-28".
// Prints one JSON report on stdout; exits 1 when any check fails.
import { readFileSync } from "node:fs";

import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/client/validators/ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [era, callsFile, transportName, ...target] = process.argv.slice(2);
const calls = JSON.parse(readFileSync(callsFile, "utf8"));

function strictAjv() {
  // strict: unknown keywords, a keyword without its type, union types and the like are errors.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

const transport =
  transportName === "http"
    ? new StreamableHTTPClientTransport(new URL(target[0]))
    : new StdioClientTransport({ command: target[0], args: target.slice(1), stderr: "ignore" });
const versionNegotiation = era === "legacy" ? { mode: "legacy" } : { mode: { pin: era } };
const client = new Client(
  { name: "shopterms-external-check", version: "1.0.0" },
  { jsonSchemaValidator: new AjvJsonSchemaValidator(strictAjv()), versionNegotiation },
);

const report = { era, transport: transportName, tools: [], failures: [] };
const fail = (message) => report.failures.push(message);
const text = (result) => (result.content ?? []).map((block) => block.text ?? "").join(" ");

try {
  await client.connect(transport);
  const { tools } = await client.listTools();
  for (const tool of tools) {
    for (const [kind, schema] of [["input", tool.inputSchema], ["output", tool.outputSchema]]) {
      try {
        strictAjv().compile(schema);
      } catch (error) {
        fail(`${tool.name}: ${kind} schema is refused by ajv strict: ${error.message}`);
      }
    }
    if (tool.inputSchema.additionalProperties !== false) {
      fail(`${tool.name}: input schema admits properties it does not name`);
    }
    const args = calls[tool.name];
    if (args === undefined) {
      continue; // a tool the example calls do not cover (compare_with needs other shops)
    }
    const entry = { name: tool.name, structured: false, unknownRefused: false };
    try {
      // callTool validates structuredContent against the output schema with the strict ajv above.
      const result = await client.callTool({ name: tool.name, arguments: args });
      if (result.isError) {
        fail(`${tool.name}: example call failed: ${text(result)}`);
      }
      entry.structured = result.structuredContent !== undefined;
    } catch (error) {
      fail(`${tool.name}: example call rejected by the client: ${error.message}`);
    }
    const junk = await client.callTool({ name: tool.name, arguments: { ...args, zip: "80331" } });
    entry.unknownRefused = junk.isError === true && text(junk).includes("'zip'");
    if (!entry.unknownRefused) {
      fail(`${tool.name}: an unknown argument was not refused: ${text(junk)}`);
    }
    report.tools.push(entry);
  }
} catch (error) {
  fail(`session failed: ${error.stack ?? error}`);
} finally {
  await client.close().catch(() => {});
}
process.stdout.write(JSON.stringify(report) + "\n");
process.exit(report.failures.length === 0 ? 0 : 1);
