# The one image of both roles (npm run start:api / start:worker) and of the one-shot migration.
# Node.js 20 as on the development machines; the UIs are built into the image.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --include=dev --ignore-scripts
COPY . .
RUN npm run build:ui
# Unprivileged at run time.
USER node
EXPOSE 3000
CMD ["npm", "run", "start:api"]
