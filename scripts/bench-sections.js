// Further benchmark sections (tasks listing, reminders), each `async (ctx, tools) => void`, run in order
// after the upload benchmark against the same API process and data.
module.exports = [];
