import { Navigate, Outlet, useLocation } from "react-router-dom";
import { Loading } from "../common/Loading";
import { useAppSelector } from "../hooks";

export function RequireSession() {
  const status = useAppSelector((state) => state.auth.status);
  const location = useLocation();
  if (status === "checking") return <Loading />;
  if (status === "signedOut") {
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}
