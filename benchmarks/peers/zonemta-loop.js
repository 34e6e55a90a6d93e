'use strict';
// ZoneMTA's own decision on a reply, over every line of a file: check() of lib/bounces.js, which normalizes the reply
// (formatSMTPResponse) and tries the regular expressions of config/bounces.txt in order (action, category, message).
//   node zonemta-loop.js FILE          prints: lines<TAB>wall seconds<TAB>CPU seconds (the loop only: loading ZoneMTA's
//                                      rules is not timed)
//   node zonemta-loop.js FILE --each   prints the category of each line instead ("none" when no rule matched)
const fs = require('fs');
const readline = require('readline');
const bounces = require('@zone-eu/zone-mta/lib/bounces');

const [file, each] = process.argv.slice(2);
if (!file) {
    process.stderr.write('usage: node zonemta-loop.js FILE [--each]\n');
    process.exit(2);
}

async function main() {
    const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    if (each === '--each') {
        const out = [];
        for await (const line of lines) {
            out.push(bounces.check(line).category || 'none');
        }
        process.stdout.write(out.join('\n') + '\n');
        return;
    }
    const categories = new Map();
    let count = 0;
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for await (const line of lines) {
        const category = bounces.check(line).category || 'none';
        categories.set(category, (categories.get(category) || 0) + 1);
        count++;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    process.stdout.write(`${count}\t${seconds.toFixed(3)}\t${((used.user + used.system) / 1e6).toFixed(3)}\n`);
}

main();
