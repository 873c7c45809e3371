// Entry point: the shell (navigation bar) and the hash router that picks a view.
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { type Actor, api, SIGN_IN_EVENT } from "./api.js";
import { href, useRoute } from "./router.js";
import "./styles.css";
import { AchView } from "./views/Ach.js";
import { Documents } from "./views/Documents.js";
import { Entities } from "./views/Entities.js";
import { GraphView } from "./views/Graph.js";
import { IncidentPage } from "./views/Incident.js";
import { Incidents } from "./views/Incidents.js";
import { MapView } from "./views/Map.js";
import { Reader } from "./views/Reader.js";
import { SignIn } from "./views/SignIn.js";
import { Sources } from "./views/Sources.js";
import { Timeline } from "./views/Timeline.js";

const NAV: [string, string][] = [
  ["documents", "Documents"],
  ["incidents", "Incidents"],
  ["timeline", "Timeline"],
  ["graph", "Actors"],
  ["map", "Map"],
  ["entities", "Entities"],
  ["sources", "Sources"],
  ["ach", "ACH"],
];

const ACTIVE: Record<string, string> = { doc: "documents", incident: "incidents" };

/** Who is signed in: undefined while asking, null when the server wants a sign-in. */
function useActor() {
  const [actor, setActor] = useState<Actor | null | undefined>(undefined);
  useEffect(() => {
    const ask = () => setActor(null);
    window.addEventListener(SIGN_IN_EVENT, ask);
    api.get<Actor>("/api/me").then(setActor, () => setActor(null));
    return () => window.removeEventListener(SIGN_IN_EVENT, ask);
  }, []);
  return [actor, setActor] as const;
}

function App() {
  const route = useRoute();
  const [actor, setActor] = useActor();
  const active = ACTIVE[route.view] ?? route.view;
  let body: React.ReactNode;
  switch (route.view) {
    case "doc":
      body = <Reader id={route.arg ?? ""} params={route.params} />;
      break;
    case "incidents":
      body = <Incidents />;
      break;
    case "incident":
      body = <IncidentPage id={route.arg ?? ""} />;
      break;
    case "timeline":
      body = <Timeline />;
      break;
    case "graph":
      body = <GraphView params={route.params} />;
      break;
    case "map":
      body = <MapView />;
      break;
    case "entities":
      body = <Entities />;
      break;
    case "sources":
      body = <Sources />;
      break;
    case "ach":
      body = <AchView incident={route.arg} />;
      break;
    default:
      body = <Documents params={route.params} />;
  }
  return (
    <>
      <header className="top">
        <a className="brand" href={href("documents")}>
          Tessera
        </a>
        <nav>
          {NAV.map(([view, label]) => (
            <a key={view} href={href(view)} className={active === view ? "active" : undefined}>
              {label}
            </a>
          ))}
        </nav>
        {actor && actor.name !== "local" && (
          <span className="who">
            {actor.name} ({actor.role}){" "}
            <button
              type="button"
              className="link"
              onClick={() => api.post("/api/logout", {}).finally(() => setActor(null))}
            >
              sign out
            </button>
          </span>
        )}
      </header>
      {actor === null ? (
        <main>
          <SignIn onSignedIn={setActor} />
        </main>
      ) : actor === undefined ? (
        <main className="loading">Loading…</main>
      ) : (
        <main key={`${route.view}/${route.arg ?? ""}`}>{body}</main>
      )}
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
